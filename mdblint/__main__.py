from mdblint.cli import main

raise SystemExit(main())
