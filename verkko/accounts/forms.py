from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from verkko.accounts import access, actions
from verkko.accounts.models import Membership, User
from verkko.ecosystem.models import Organization

# Django's own Finnish catalogue leaves this message of MinimumLengthValidator untranslated;
# naming it here puts it in Verkko's catalogue, which comes first.
DJANGO_MINIMUM_LENGTH_MESSAGE = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)


class SignInForm(AuthenticationForm):
    """Sign in with an e-mail address; the field keeps Django's name 'username' for django-axes."""

    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    def clean_username(self):
        return self.cleaned_data["username"].lower()

    error_messages = {
        "invalid_login": _("The e-mail address or the password is wrong."),
        "inactive": _("This account is not in use."),
    }


class InvitationForm(forms.Form):
    """Invite a person: the organisations and roles offered are those the inviting user may give."""

    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        max_length=254,
        error_messages={"invalid": _("Enter a valid e-mail address.")},
    )
    organization = forms.ModelChoiceField(label=_("Organisation"), queryset=Organization.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)

    def __init__(self, *args, user, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        organizations = Organization.objects.filter(
            pk__in=access.managed_organization_ids(user, area), archived_at__isnull=True
        ).order_by("name")
        self.fields["organization"].queryset = organizations
        if len(organizations) == 1:
            self.fields["organization"].initial = organizations[0].pk
        roles = Membership.Role if access.is_coordinator(user, area) else access.PARTNER_ROLES
        self.fields["role"].choices = [(role.value, role.label) for role in roles]
        self.fields["role"].initial = Membership.Role.MEMBER

    def clean_email(self):
        return actions.normalized_email(self.cleaned_data["email"])

    def clean(self):
        data = super().clean()
        organization, role = data.get("organization"), data.get("role")
        if organization is not None and role and not access.can_manage_role(self.user, organization, role):
            self.add_error("role", _("You cannot give this role in this organisation."))
        if organization is not None and data.get("email"):
            try:
                actions.check_invitable(organization, data["email"])
            except ValidationError as error:
                self.add_error("email", error)
        return data


class RoleChangeForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class InvitationSignUpForm(forms.Form):
    """A new person accepting an invitation: their name and a password (Django's password rules)."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits, nor a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            person = User(email=self.email, first_name=data.get("first_name", ""), last_name=data.get("last_name", ""))
            try:
                password_validation.validate_password(password1, person)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "language"]
