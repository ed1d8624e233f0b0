"""Helpers every app may use: the lowest layer, below accounts. Nothing here knows about
a model of ours: export writers, the bundled PDF font, the admin menu item with a check,
client pseudonyms and rate limits."""
