"""The project package (composition root): settings, URLs and the API composition.

Only this package imports every app; the shared core, ``portal``, imports none.
"""
