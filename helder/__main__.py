from helder.cli import main

if __name__ == "__main__":  # guarded, so a process that imports this module (multiprocessing) does not run the CLI
    main()
