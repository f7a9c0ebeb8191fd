"""Review's default manager joins the author itself (get_queryset() select_related): the
nested author is loaded with every review."""
# fixture: sample=shop requires=rest_framework
from rest_framework import generics, serializers
from rest_framework.test import APIRequestFactory

from orders.models import Customer, Product, Review


def setup(n):
    product = Product.objects.create(name="Pen")
    for i in range(n):
        Review.objects.create(product=product, author=Customer.objects.create(name=f"C{i}"), text="ok")


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "name"]


class ReviewSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)

    class Meta:
        model = Review
        fields = ["id", "text", "author"]


class ReviewList(generics.ListAPIView):
    queryset = Review.objects.all()
    serializer_class = ReviewSerializer


def scenario():
    response = ReviewList.as_view()(APIRequestFactory().get("/reviews/"))
    response.render()
    return response.data
