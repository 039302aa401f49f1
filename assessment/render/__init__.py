"""Results and the bank for people and pages: terminal report, printed report, PDF, the form's data, UI words."""
