from assistant.cli import main_entry

main_entry()
