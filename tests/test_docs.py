"""The README's rule list is the registry's, and every rule is documented."""

from mdblint.docs import rules_table
from tests.helpers import REPO


def test_readme_lists_every_rule():
    assert rules_table() in (REPO / "README.md").read_text(encoding="utf-8"), \
        "README's rule table is stale: paste `mdblint rule --list`"


def test_readme_documents_the_integrations():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for snippet in ("id: mdblint", "[flake8]", "upload-sarif", "mdblint-report.schema.json", "## Configuration",
                    "## Suppressing findings and baselines", "mdblint --aliases"):
        assert snippet in readme, snippet
