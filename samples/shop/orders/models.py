"""Shop models: customers, products, orders and their lines, with the logic kept on the model."""
from django.db import models
from django.utils.functional import cached_property


class Customer(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name


class Profile(models.Model):
    """Reached from a customer through a reverse one-to-one (`customer.profile`)."""

    customer = models.OneToOneField(Customer, related_name="profile", on_delete=models.CASCADE)
    bio = models.CharField(max_length=200, default="")


class Product(models.Model):
    name = models.CharField(max_length=100)
    price = models.IntegerField(default=1)

    def __str__(self):
        return self.name


class Order(models.Model):
    number = models.CharField(max_length=20)
    customer = models.ForeignKey(Customer, related_name="orders", on_delete=models.CASCADE)
    note = models.CharField(max_length=200, default="")

    class Meta:
        ordering = ("number",)

    def __str__(self):
        return f"{self.number} for {self.customer.name}"

    def __repr__(self):
        return f"<Order {self.number} of {self.customer.name}>"

    @property
    def customer_name(self):
        return self.customer.name

    @property
    def code(self):
        return self.number.upper()

    @property
    def customer_label(self):
        """Kept on the instance: the first access on each order reads its customer."""
        if getattr(self, "_customer_label", None) is None:
            self._customer_label = f"{self.customer.name} ({self.number})"
        return self._customer_label

    @cached_property
    def line_count(self):
        return self.lines.count()

    def total(self):
        return sum(line.quantity * line.product.price for line in self.lines.all())

    def product_names(self):
        return [line.product.name for line in self.lines.all()]

    def last_line(self):
        return OrderLine.objects.filter(order=self).order_by("-id").first()

    def describe(self):
        return f"{self.code}: {self.customer_name}"

    def label(self):
        return self.number


class OrderLine(models.Model):
    order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    quantity = models.IntegerField(default=1)

    def __str__(self):
        return f"{self.quantity} x {self.product.name}"

    def save(self, *args, **kwargs):
        # bulk_update() and queryset update() skip this: the quantity is never below one.
        self.quantity = max(self.quantity, 1)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # A queryset delete() skips this: the product's price is restored.
        Product.objects.filter(pk=self.product_id).update(price=models.F("price") + 0)
        return super().delete(*args, **kwargs)


class Shipment(models.Model):
    order = models.ForeignKey(Order, related_name="shipments", on_delete=models.CASCADE)
    carrier = models.CharField(max_length=50, default="post")


class ReviewManager(models.Manager):
    """Every review comes with its author: the default manager joins it."""

    def get_queryset(self):
        return super().get_queryset().select_related("author")


class Review(models.Model):
    product = models.ForeignKey(Product, related_name="reviews", on_delete=models.CASCADE)
    author = models.ForeignKey(Customer, related_name="reviews", on_delete=models.CASCADE)
    text = models.CharField(max_length=200, default="")

    objects = ReviewManager()

    def __str__(self):
        return f"{self.author.name}: {self.text}"
