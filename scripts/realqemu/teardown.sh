#!/usr/bin/env bash
# Stop the real-QEMU tier's guests and daemons (what scripts/realqemu/setup.sh started).
# Usage: teardown.sh [9.0.0] [12.9.0]   (default: both)
exec bash "$(dirname "$0")/setup.sh" stop "$@"
