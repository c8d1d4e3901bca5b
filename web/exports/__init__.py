"""What a story is drawn and exported as: the map (folium) and timeline (altair)
builders the views share, the single-file widget, the static site and the PDF handout."""
