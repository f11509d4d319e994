"""Loopback fakes of the chat platforms' servers, which record what the bot sent them."""
