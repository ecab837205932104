from helder.cli import main

main()
