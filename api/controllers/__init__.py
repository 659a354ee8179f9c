"""HTTP controllers: thin translations between requests and timeline.service calls."""
