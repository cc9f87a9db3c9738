"""Screenshots of every view for the README and the guides: ``python -m screenshots``.

Not part of the app: the scenes here build the app's widgets on a deterministic demo
store and render them to PNGs (``make screenshots``). Each ``*_scenes.py`` module holds
the scenes of one area; ``scene_registry.SCENES`` collects them by name.
"""
