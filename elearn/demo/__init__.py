"""Demo data for `manage.py load_demo`: organisations and accounts, the home pages, the
demo course with its tests and H5P activity, and a trainee who has finished it. It sits
in the top layer because it builds on every app; the course's texts stay with their apps
(courses/demo_content/, quizzes/demo_content.py)."""
