print("hello from splitwan");
