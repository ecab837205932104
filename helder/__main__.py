from helder.cli import main

if __name__ == "__main__":  # guarded: audit worker processes import this module again (see audit/parallel.py)
    main()
