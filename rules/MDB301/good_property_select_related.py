# fixture: sample=shop
"""Properties, methods, f-strings and repr() reading order.customer, on rows that come with it."""
from orders.models import Customer, Order, OrderLine, Product, Profile


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        Profile.objects.create(customer=customer, bio=f"Bio {i}")
        order = Order.objects.create(number=f"N{i:03}", customer=customer)
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


def scenario():
    out = []
    for order in Order.objects.select_related("customer"):
        out += [order.customer_name, order.describe(), f"{order}", repr(order), "%s" % order]
    return out
