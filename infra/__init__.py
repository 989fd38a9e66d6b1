"""What runs the functions but is not deployed: the local server, its tables and tokens."""
