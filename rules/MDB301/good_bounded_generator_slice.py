# fixture: sample=shop
"""A generator over a slice of two rows: two customer reads at any n."""
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
    first = (order for order in Order.objects.order_by("pk")[:2])
    return [order.customer_name for order in first]
