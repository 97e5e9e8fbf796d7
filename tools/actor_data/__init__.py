"""Modules of tools/build_actor_data.py (one per packaged table)."""
