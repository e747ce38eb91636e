from migflags.entry import run

run(prog_name="migflags")
