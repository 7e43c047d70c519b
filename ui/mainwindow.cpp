// minimal window comes with the app wiring
