"""Event coding: CAMEO verb patterns applied to the dependency parse."""
