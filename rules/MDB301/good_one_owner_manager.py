# fixture: sample=shop
"""The lines of one order all point to that same order instance: its customer is fetched once."""
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
    order = Order.objects.order_by("pk").first()
    return [line.order.customer.name for line in order.lines.all()]
