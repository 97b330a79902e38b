// Intentionally empty: the test drives this worker through Playwright.
