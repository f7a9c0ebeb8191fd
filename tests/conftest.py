import os

# Analysis bugs raise in tests (outside them, mdblint warns and goes on with the next function).
os.environ["MDBLINT_DEBUG"] = "1"
