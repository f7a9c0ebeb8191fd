# fixture: sample=shop
"""Review's default manager joins the author in get_queryset(): reviews read directly, through
str(), and through a prefetched related manager all come with it."""
from orders.models import Customer, Product, Review


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        product = Product.objects.create(name=f"Product {i}")
        Review.objects.create(product=product, author=customer, text=f"Review {i}")


def scenario():
    direct = [review.author.name for review in Review.objects.all()]
    through = [str(review) for review in Review.objects.all()]
    nested = [str(r) for p in Product.objects.prefetch_related("reviews") for r in p.reviews.all()]
    return direct, through, nested
