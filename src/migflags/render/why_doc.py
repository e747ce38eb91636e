"""`migflags why` output: the JSON document and plain text (Rich lives in rich_table.py)."""

from __future__ import annotations

import json
import unicodedata

from migflags.text import Text
from migflags.why import Explained, Match

SCHEMA_VERSION = 1

LABELS: dict[str, Text] = {
    "layer": Text("layer", "层"),
    "function": Text("raised by", "出处"),
    "message": Text("message", "消息"),
    "releases": Text("releases", "版本"),
    "options": Text("options", "选项"),
    "setting": Text("setting", "设置"),
    "why": Text("why", "原因"),
    "fix": Text("fix", "修改"),
    "source": Text("source", "来源"),
    "score": Text("score {score}", "得分 {score}"),
    "none": Text("(none)", "（无）"),
    "no_match": Text("no known migration error in: {message}",
                     "未识别出已知的迁移错误：{message}"),
    "closest": Text("closest known messages:", "最接近的已知消息："),
    "no_closest": Text("nothing in the tables comes close.", "表中没有相近的消息。"),
    "since_until": Text("{since} to before {until}", "{since} 起，{until} 之前"),
    "since": Text("{since} and later", "{since} 及以后"),
    "until": Text("before {until}", "{until} 之前"),
    "unknown": Text("first release not recorded", "未记录首个版本"),
    "seen": Text("{releases}; text checked in {seen}", "{releases}；文本核对自 {seen}"),
    "values": Text("values", "取值"),
}


def releases(match: Match, lang: str) -> str:
    since, until = match.wording.since, match.wording.until
    if since and until:
        return LABELS["since_until"].format(since=since, until=until).get(lang)
    if since:
        return LABELS["since"].format(since=since).get(lang)
    if until:
        return LABELS["until"].format(until=until).get(lang)
    return LABELS["unknown"].get(lang)


def _releases_seen(match: Match, lang: str) -> str:
    text = releases(match, lang)
    if match.wording.seen:
        return LABELS["seen"].format(releases=text, seen=match.wording.seen).get(lang)
    return text


def _match(match: Match, lang: str) -> dict[str, object]:
    w = match.wording
    return {
        "id": w.id,
        "kind": w.kind,
        "level": w.level,
        "layer": w.layer,
        "function": w.function,
        "message": w.message,
        "since": str(w.since) if w.since else None,
        "until": str(w.until) if w.until else None,
        "options": list(w.options),
        "setting": w.setting or None,
        "why": w.why.get(lang),
        "fix": w.fix.get(lang),
        "source": w.source,
        "seen": w.seen or None,
        "values": match.values,
        "score": match.score,
    }


def document(item: Explained, lang: str) -> dict[str, object]:
    return {
        "schema": SCHEMA_VERSION,
        "input": item.input,
        "message": item.message,
        "matches": [_match(m, lang) for m in item.matches],
        "closest": [_match(m, lang) for m in item.closest],
        "lang": lang,
    }


def dumps(items: list[Explained], lang: str) -> str:
    docs = [document(item, lang) for item in items]
    return json.dumps(docs[0] if len(docs) == 1 else docs, indent=2, ensure_ascii=False)


def fields(match: Match, lang: str) -> list[tuple[str, str]]:
    """(label, value) rows of one match, in the order every output shows them."""
    w = match.wording
    rows = [
        ("layer", w.layer),
        ("function", w.function),
        ("message", w.message),
        ("releases", _releases_seen(match, lang)),
        ("options", " ".join(w.options) or LABELS["none"].get(lang)),
    ]
    if match.values:
        rows.append(("values", ", ".join(f"{k}={v}" for k, v in match.values.items())))
    if w.setting:
        rows.append(("setting", w.setting))
    rows += [("why", w.why.get(lang)), ("fix", w.fix.get(lang)), ("source", w.source)]
    return [(LABELS[key].get(lang), value) for key, value in rows]


def _cells(text: str) -> int:
    """Terminal columns of `text`: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _block(title: str, match: Match, lang: str) -> list[str]:
    lines = [f"  {title}"]
    rows = fields(match, lang)
    width = max(_cells(label) for label, _ in rows)
    lines += [f"    {label}{' ' * (width - _cells(label))}  {value}" for label, value in rows]
    return lines


def title(match: Match, lang: str) -> str:
    score = LABELS["score"].format(score=match.score).get(lang)
    return f"{match.wording.id}  [{match.wording.layer}]  ({score})"


def render(items: list[Explained], lang: str) -> str:
    out: list[str] = []
    for item in items:
        if out:
            out.append("")
        if item.matches:
            out.append(item.input.strip())
            for match in item.matches:
                out += _block(title(match, lang), match, lang)
            continue
        out.append(LABELS["no_match"].format(message=item.message).get(lang))
        if item.closest:
            out.append("  " + LABELS["closest"].get(lang))
            for match in item.closest:
                out.append(f"    {title(match, lang)}: {match.wording.message}")
        else:
            out.append("  " + LABELS["no_closest"].get(lang))
    return "\n".join(out)
