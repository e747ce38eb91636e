from migflags.cli import main

main(prog_name="migflags")
