"""Account services: profiles, favourite authors and publisher subscriptions."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections, transaction

from catalog.models import Person, Publisher

from .models import Subscription, UserProfile

User = get_user_model()
ARCHIVE_DB = settings.ARCHIVE_DB


# --- correct multi-database code --------------------------------------------------

def create_profile(username, flavor, favourite_author_name=None):
    """Create a user and profile on the primary, in one transaction."""
    with transaction.atomic(using=settings.PRIMARY_DB):
        user = User.objects.db_manager("default").create_user(username)
        profile = UserProfile(user=user, flavor=flavor)
        if favourite_author_name:
            # Replica and primary objects may be related (the router allows it).
            profile.favourite_author = Person.objects.using("replica").get(
                name=favourite_author_name
            )
        profile.save(using="default")
    return profile


def subscribe(profile, publisher_names):
    """Subscribe a profile to some publishers; everything stays on the primary."""
    with transaction.atomic():
        subscription = Subscription.objects.create(profile=profile)
        publishers = Publisher.objects.using("default").filter(name__in=publisher_names)
        subscription.publishers.set(publishers)
    return subscription


def link_subscriptions(first, second):
    """Symmetrical link: second.related now contains first as well."""
    first.related.add(second)


def archive_profile(profile, using=ARCHIVE_DB):
    """Copy a profile's flavor to the archive and drop the primary copy."""
    with transaction.atomic(using=using):
        UserProfile.objects.using(using).create(flavor=profile.flavor)
    profile.delete(using=settings.PRIMARY_DB)


def fans_of(author_name):
    """Usernames of the fans of an author, read from the replica."""
    author = Person.objects.db_manager(settings.REPLICA_DB).get(name=author_name)
    return [p.user.username for p in author.fans.select_related("user") if p.user_id]


def archive_size():
    with connections[ARCHIVE_DB].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM accounts_userprofile")
        return cursor.fetchone()[0]


# --- misuses ------------------------------------------------------------------------

def reset_flavors(flavor):
    with transaction.atomic(using="archive"):  # expect: MDB501
        UserProfile.objects.update(flavor=flavor)


def close_subscription(subscription):
    subscription.delete(using="backup")  # expect: MDB501


def attach_archived_user(profile, username):
    """``profile`` comes from the primary."""
    # misuse: cross-alias OneToOne assignment, the user comes from "other" (ValueError)
    profile.user = User.objects.using("other").get(username=username)
    profile.save()


def subscribe_to_archived(subscription_pk, publisher_name):
    subscription = Subscription.objects.get(pk=subscription_pk)  # routed: read from "replica"
    publisher = Publisher.objects.using("other").get(name=publisher_name)
    # misuse: m2m add() across aliases, the publisher lives on "other"
    subscription.publishers.add(publisher)  # expect: MDB102


def transfer_fans(old_author, new_author):
    with transaction.atomic():
        # misuse: writes to "other" inside transaction.atomic() on default are not rolled back
        UserProfile.objects.using("other").filter(favourite_author=old_author).delete()  # expect: MDB401
        old_author.fans.update(favourite_author=new_author)


def subscription_report():
    lines = []
    # misuse: N+1, one profile and one user query per subscription
    for subscription in Subscription.objects.all():
        lines.append(f"{subscription.profile.user.username}: {subscription.started}")  # expect: MDB301
    return lines
