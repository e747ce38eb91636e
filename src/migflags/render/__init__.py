"""Turning a Result into text: plain, Rich, JSON and programming-language expressions."""
