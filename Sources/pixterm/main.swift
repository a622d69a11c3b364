print("pixterm")
