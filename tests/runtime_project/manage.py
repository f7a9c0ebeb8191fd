#!/usr/bin/env python
"""Throwaway project for tests/test_runtime.py (never executed by the runtime, only read)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rtproject.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
