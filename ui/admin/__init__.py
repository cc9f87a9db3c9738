"""The admin view: rules, custom fields, people, funnel, company settings, preview as role."""
