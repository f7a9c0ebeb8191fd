# fixture: sample=shop
"""mark_seen(order) saves only with save=True; the loop leaves it False and writes once, in bulk."""
from orders.models import Customer, Order, OrderLine, Product, Profile
from orders.display import mark_seen


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        Profile.objects.create(customer=customer, bio=f"Bio {i}")
        order = Order.objects.create(number=f"N{i:03}", customer=customer)
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


def scenario():
    orders = list(Order.objects.all())
    for order in orders:
        mark_seen(order)
    Order.objects.bulk_update(orders, ["note"])
    return Order.objects.filter(note="seen").count()
