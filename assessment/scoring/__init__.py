"""From checked answers to a result: pillar scores, the root, the borderline rule, the plan and its reasons."""
