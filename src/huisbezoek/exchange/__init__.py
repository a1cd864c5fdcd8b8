"""Batch files between volunteers and the coordinating organisation: keys, format, payload.

Nothing here touches a database or Qt: ``services/exchange.py`` ties these pieces to the vaults.
"""
