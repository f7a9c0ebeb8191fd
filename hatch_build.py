"""Ship the rule docs (rules/<CODE>/README.md, not the fixtures) in the wheel as mdblint/_catalog."""

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogDocs(BuildHookInterface):
    def initialize(self, version, build_data):
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads rules/ from the checkout
        for readme in sorted(Path(self.root, "rules").glob("*/README.md")):
            build_data["force_include"][str(readme)] = f"mdblint/_catalog/{readme.parent.name}/README.md"
