"""Actor recognition and resolution: states, people with dated roles, organisations, agents."""
