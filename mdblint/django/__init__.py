"""`manage.py mdblint`: lint a Django project with its live settings (add "mdblint.django" to INSTALLED_APPS).

The only part of mdblint that imports project code: the management command runs inside the
project's own process, after `django.setup()`, and reads `settings.DATABASES`,
`settings.DATABASE_ROUTERS`, `INSTALLED_APPS`, the other settings and the app registry
(`django.apps.apps`) instead of reading them statically. The code itself is still analysed
statically: the live facts replace the project's settings and model graph (`facts.py`), and
`--compare-static` prints where the static reading differs from them (`compare.py`).

Nothing in mdblint imports this package (the layers in pyproject.toml say so).
"""
