"""``python -m mdblint.runtime --sample DIR [--settings MOD] [--n 3] FIXTURE.py ...``"""

import sys

from mdblint.runtime.harness import main

sys.exit(main())
