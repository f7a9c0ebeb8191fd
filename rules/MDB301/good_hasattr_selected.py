# fixture: sample=shop
"""hasattr(customer, "profile") on customers that come with their profile."""
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
    return [hasattr(customer, "profile") for customer in Customer.objects.select_related("profile")]
