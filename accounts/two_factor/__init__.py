"""Two-factor authentication for staff: after the password, a 6-digit code from an
authenticator app (TOTP, django-otp's otp_totp), or one of ten backup codes (otp_static).

Required for admins and for whoever sees reports or may switch off others' second step
(policy.py, by permission); offered to every other staff member; trainees are never asked.
The middleware keeps staff who have not passed it out of the admin. docs/two-factor.md."""
