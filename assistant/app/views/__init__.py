"""Page scripts run by Streamlit (not imported)."""
