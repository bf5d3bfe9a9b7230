"""Rendering: model -> planned files -> {path: text} in memory. Nothing here writes."""
