package stories
