DROP TABLE testimonials;
DROP TABLE kiosk_turns;
DROP TABLE kiosks;
DROP TABLE anonymous_answers;
DROP TABLE anonymous_responses;
DROP TABLE measurement_answers;
DROP TABLE measurements;
DROP TABLE measurement_moments;
