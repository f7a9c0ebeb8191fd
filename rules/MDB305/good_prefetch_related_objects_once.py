# fixture: sample=shop
"""prefetch_related_objects() once on all the rows, before the loop: one query for every row's lines."""
from django.db.models import prefetch_related_objects

from orders.models import Customer, Order, OrderLine, Product


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


def scenario():
    orders = list(Order.objects.all())
    prefetch_related_objects(orders, "lines")
    counts = []
    for order in orders:
        counts.append(len(order.lines.all()))
    return counts


def check(counts):
    return counts and all(c == 2 for c in counts)
