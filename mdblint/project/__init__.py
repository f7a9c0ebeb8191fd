"""The project index: module summaries, static settings and the model graph (never imports project code)."""

from mdblint.project.graph import ModelGraph, Model, Relation
from mdblint.project.index import Project, load_project
from mdblint.project.settings_static import Database, SettingsInfo

__all__ = ["Database", "Model", "ModelGraph", "Project", "Relation", "SettingsInfo", "load_project"]
