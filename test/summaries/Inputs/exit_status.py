"""Runs a command and writes 'status N' after its standard error, so that a
test can check the exact exit status (lit's `not` accepts any failure)."""

import subprocess
import sys

status = subprocess.call(sys.argv[1:])
sys.stderr.write("status %d\n" % status)
