//! Table test of the figure extractor: phrases of the kinds news carries.
//!
//! Row: `sentence | needle | value | low | high | qualifier | measure | unit`
//! - the figure checked is the first whose text contains `needle`
//!   (`*needle`: the first derived one);
//! - `-` for an unbounded low/high or no unit;
//! - `sentence | NONE`: no figure at all;
//! - `sentence | NOCOUNT`: figures allowed only with measure `age`.

use crosscheck::figures::*;

const TABLE: &str = r#"
# --- casualties
At least 20 people were killed in the attack. | 20 | 20 | 20 | - | at_least | killed | -
The strike killed 12 civilians and wounded 30 others. | 12 | 12 | 12 | 12 | exact | killed | -
The strike killed 12 civilians and wounded 30 others. | 30 | 30 | 30 | 30 | exact | injured | -
Six people died and dozens were injured. | Six | 6 | 6 | 6 | exact | killed | -
Six people died and dozens were injured. | dozens | 50 | 24 | 99 | vague | injured | -
The death toll rose to 45, officials said. | 45 | 45 | 45 | 45 | exact | killed | -
Three soldiers were wounded in the shelling. | Three | 3 | 3 | 3 | exact | injured | -
The blast left 23 injured. | 23 | 23 | 23 | 23 | exact | injured | -
Nearly 200 people have been killed since Friday. | 200 | 200 | 180 | 200 | approximate | killed | -
More than 1,000 civilians were killed. | 1,000 | 1000 | 1000 | - | more_than | killed | -
Some 300 people were evacuated. | 300 | 300 | 270 | 330 | approximate | displaced | -
Police arrested 15 protesters on Sunday. | 15 | 15 | 15 | 15 | exact | arrested | -
Two journalists are missing. | Two | 2 | 2 | 2 | exact | missing | -
Over 40 people were hospitalised. | 40 | 40 | 40 | - | more_than | injured | -
The bombing killed five and injured 23. | five | 5 | 5 | 5 | exact | killed | -
The bombing killed five and injured 23. | 23 | 23 | 23 | 23 | exact | injured | -
At least 17 fatalities were reported. | 17 | 17 | 17 | - | at_least | killed | -
Up to 50 bodies were recovered. | 50 | 50 | - | 50 | up_to | killed | -
There were 32 casualties in the raid. | 32 | 32 | 32 | 32 | exact | casualties | -
The fire killed a dozen people. | dozen | 12 | 12 | 12 | exact | killed | -
Hundreds of people were injured. | Hundreds | 500 | 200 | 999 | vague | injured | -
Thousands of civilians have fled. | Thousands | 5000 | 2000 | 9999 | vague | displaced | -
The flood displaced 2 million people. | 2 million | 2000000 | 2000000 | 2000000 | exact | displaced | -
An attack on Zaporizhzhia left six dead and 23 injured. | six | 6 | 6 | 6 | exact | killed | -
An attack on Zaporizhzhia left six dead and 23 injured. | 23 | 23 | 23 | 23 | exact | injured | -
The shelling killed at least 14 people, including two children. | 14 | 14 | 14 | - | at_least | killed | -
Eleven people were killed and 40 wounded. | Eleven | 11 | 11 | 11 | exact | killed | -
Hamas is holding about 100 hostages. | 100 | 100 | 90 | 110 | approximate | prisoners | -
Ukraine says it has captured 12 North Korean soldiers. | 12 | 12 | 12 | 12 | exact | prisoners | -
More than 6 million refugees have left the country. | 6 million | 6000000 | 6000000 | - | more_than | displaced | -
# --- troops and units
Russia has deployed about 50,000 troops to the region. | 50,000 | 50000 | 45000 | 55000 | approximate | troops | -
A 10,000-strong force was sent to the border. | 10,000 | 10000 | 10000 | 10000 | exact | troops | -
The US has about 900 troops in Syria. | 900 | 900 | 810 | 990 | approximate | troops | -
Some 1,500 marines are on standby. | 1,500 | 1500 | 1350 | 1650 | approximate | troops | -
The army mobilised 300,000 reservists. | 300,000 | 300000 | 300000 | 300000 | exact | troops | -
Between 10,000 and 12,000 North Korean troops are in Russia. | 10,000 | 11000 | 10000 | 12000 | range | troops | -
Officials said 10,000-12,000 troops had arrived. | 10,000 | 11000 | 10000 | 12000 | range | troops | -
Officials said 10,000 to 12,000 troops had arrived. | 10,000 | 11000 | 10000 | 12000 | range | troops | -
Officials put the number of troops at 8,000. | 8,000 | 8000 | 8000 | 8000 | exact | troops | -
As many as 5,000 fighters have joined. | 5,000 | 5000 | - | 5000 | up_to | troops | -
No fewer than 3,000 soldiers took part. | 3,000 | 3000 | 3000 | - | at_least | troops | -
Fewer than 100 soldiers remain in the town. | 100 | 100 | - | 100 | less_than | troops | -
There are no more than 200 troops left. | 200 | 200 | - | 200 | at_most | troops | -
Upwards of 20,000 troops massed at the border. | 20,000 | 20000 | 20000 | - | more_than | troops | -
At most 40 soldiers were involved. | 40 | 40 | - | 40 | at_most | troops | -
Roughly 11,000 North Korean soldiers are in Kursk. | 11,000 | 11000 | 9900 | 12100 | approximate | troops | -
Almost 3,000 soldiers crossed the river. | 3,000 | 3000 | 2700 | 3000 | approximate | troops | -
Around 600 paratroopers landed. | 600 | 600 | 540 | 660 | approximate | troops | -
Several thousand troops were moved. | Several thousand | 5000 | 3000 | 9999 | vague | troops | -
Tens of thousands of soldiers have died. | Tens of thousands | 50000 | 20000 | 99999 | vague | killed | -
Only a handful of soldiers were there. | handful | 4 | 2 | 6 | vague | troops | -
Dozens of fighters surrendered. | Dozens | 50 | 24 | 99 | vague | troops | -
Zelensky said 11,000 North Korean soldiers were in Kursk. | 11,000 | 11000 | 11000 | 11000 | exact | troops | -
Under 500 troops remain. | 500 | 500 | - | 500 | less_than | troops | -
Analysts counted 10,000-plus troops. | 10,000 | 10000 | 10000 | - | at_least | troops | -
Some said 15,000 or more soldiers were ready. | 15,000 | 15000 | 15000 | - | at_least | troops | -
Many thousands of North Korean troops are on the front lines. | Many thousands | 10000 | 3000 | 99999 | vague | troops | -
A small group of North Korean soldiers was attacked. | small group | 10 | 2 | 30 | vague | troops | -
He said a “small group” of soldiers were attacked. | small group | 10 | 2 | 30 | vague | troops | -
North Korea deployed 11,000 troops in Kursk Oblast. | 11,000 | 11000 | 11000 | 11000 | exact | troops | -
Twenty-three soldiers were killed. | Twenty-three | 23 | 23 | 23 | exact | killed | -
Russia lost nine soldiers in the raid. | nine | 9 | 9 | 9 | exact | troops | -
The five North Korean units arrived. | five | 5 | 5 | 5 | exact | units | -
Moscow sent two divisions to the front. | two | 2 | 2 | 2 | exact | units | -
He was one of 15 soldiers in the unit. | 15 | 15 | 15 | 15 | exact | troops | -
# --- products
Two brigades of 4,000 soldiers each were sent. | Two brigades | 2 | 2 | 2 | exact | units | -
Two brigades of 4,000 soldiers each were sent. | 4,000 | 4000 | 4000 | 4000 | exact | troops | -
Two brigades of 4,000 soldiers each were sent. | *brigades | 8000 | 8000 | 8000 | exact | troops | -
Three battalions, each with roughly 500 troops, arrived. | *battalions | 1500 | 1350 | 1650 | approximate | troops | -
Kyiv expects five units of 3,000 each to be deployed. | *units | 15000 | 15000 | 15000 | exact | troops | -
Kyiv expects five units of roughly 3,000 soldiers each. | *units | 15000 | 13500 | 16500 | approximate | troops | -
Kyiv expects five units of 3,000 people each. | 3,000 | 3000 | 3000 | 3000 | exact | troops | -
Kyiv expects five units of 3,000 people each. | *units | 15000 | 15000 | 15000 | exact | troops | -
Five North Korean units, each comprising approximately 3,000 soldiers, will deploy. | *units | 15000 | 13500 | 16500 | approximate | troops | -
Four battalions of 800 men each were sent to the front. | *battalions | 3200 | 3200 | 3200 | exact | troops | -
Three waves of about 100 drones each hit the city. | *waves | 300 | 270 | 330 | approximate | drones | -
Ten teams of five people each cleaned the park. | *teams | 50 | 50 | 50 | exact | people | -
Six units of up to 2,000 troops each may follow. | *units | 12000 | - | 12000 | up_to | troops | -
Two battalions of at least 500 soldiers each were sent. | *battalions | 1000 | 1000 | - | at_least | troops | -
# --- money
The US pledged $4.2bn in aid. | $4.2bn | 4200000000 | 4200000000 | 4200000000 | exact | money | USD
Tickets cost €1,500 each. | €1,500 | 1500 | 1500 | 1500 | exact | money | EUR
He paid a fine of 1,500 euros. | 1,500 euros | 1500 | 1500 | 1500 | exact | money | EUR
The club spent £3m on the player. | £3m | 3000000 | 3000000 | 3000000 | exact | money | GBP
The plan costs about $500 million. | $500 million | 500000000 | 450000000 | 550000000 | approximate | money | USD
Aid worth more than $1 billion was sent. | $1 billion | 1000000000 | 1000000000 | - | more_than | money | USD
It will cost between $10 and $12 billion. | $10 | 11000000000 | 10000000000 | 12000000000 | range | money | USD
The bill is $10-12bn. | $10 | 11000000000 | 10000000000 | 12000000000 | range | money | USD
They raised 2.5 million dollars. | 2.5 million | 2500000 | 2500000 | 2500000 | exact | money | USD
Japan pledged ¥500 billion. | ¥500 | 500000000000 | 500000000000 | 500000000000 | exact | money | JPY
The fine was 100 billion rubles. | 100 billion | 100000000000 | 100000000000 | 100000000000 | exact | money | RUB
It sold for US$300 last week. | 300 | 300 | 300 | 300 | exact | money | USD
A stamp costs 50 cents. | 50 | 0.5 | 0.5 | 0.5 | exact | money | USD
Workers earn $15 per hour. | $15 | 15 | 15 | 15 | exact | money | USD
The firm paid 3 million pounds. | 3 million | 3000000 | 3000000 | 3000000 | exact | money | GBP
China spent 1.2 trillion yuan. | 1.2 trillion | 1200000000000 | 1200000000000 | 1200000000000 | exact | money | CNY
The deal is worth up to $2bn. | $2bn | 2000000000 | - | 2000000000 | up_to | money | USD
The EU offered nearly €40bn. | €40bn | 40000000000 | 36000000000 | 40000000000 | approximate | money | EUR
The war has cost millions of dollars. | millions | 5000000 | 2000000 | 9999999 | vague | money | USD
Kyiv received $61 billion in military aid. | $61 billion | 61000000000 | 61000000000 | 61000000000 | exact | money | USD
The budget is 4.5 billion hryvnias. | 4.5 billion | 4500000000 | 4500000000 | 4500000000 | exact | money | UAH
# --- percentages and fractions
Inflation rose to 12%. | 12% | 12 | 12 | 12 | exact | percent | %
Inflation rose to 12 per cent. | 12 per cent | 12 | 12 | 12 | exact | percent | %
Inflation rose to 12 percent. | 12 percent | 12 | 12 | 12 | exact | percent | %
About 40% of voters backed him. | 40% | 40 | 36 | 44 | approximate | percent | %
More than half of the residents left. | half | 0.5 | 0.5 | - | more_than | percent | fraction
A third of the budget goes to defence. | third | 0.333333 | 0.333333 | 0.333333 | exact | percent | fraction
Two-thirds of the troops are conscripts. | Two-thirds | 0.666667 | 0.666667 | 0.666667 | exact | percent | fraction
One in five adults smokes. | One in five | 0.2 | 0.2 | 0.2 | exact | percent | fraction
Three quarters of the population voted. | Three quarters | 0.75 | 0.75 | 0.75 | exact | percent | fraction
Nearly half of Ukrainians agree. | half | 0.5 | 0.45 | 0.5 | approximate | percent | fraction
Unemployment fell by 2 percentage points. | 2 percentage points | 2 | 2 | 2 | exact | percentage_points | pp
Support is at 5-10% in the polls. | 5-10% | 7.5 | 5 | 10 | range | percent | %
Growth will be between 3% and 4%. | 3% | 3.5 | 3 | 4 | range | percent | %
Prices rose from 10% to 12%. | 10% | 10 | 10 | 10 | exact | percent | %
Prices rose from 10% to 12%. | 12% | 12 | 12 | 12 | exact | percent | %
Turnout was 0.5% lower. | 0.5% | 0.5 | 0.5 | 0.5 | exact | percent | %
The bank raised rates by 25 basis points. | 25 basis points | 25 | 25 | 25 | exact | percentage_points | bp
The vaccine is 99.9% effective. | 99.9% | 99.9 | 99.9 | 99.9 | exact | percent | %
Half of the soldiers were wounded. | Half | 0.5 | 0.5 | 0.5 | exact | percent | fraction
Roughly 30 per cent of homes lost power. | 30 per cent | 30 | 27 | 33 | approximate | percent | %
# --- distances and areas
Troops hold a 1,500-kilometer front line. | 1,500-kilometer | 1500 | 1500 | 1500 | exact | distance | km
The front line stretches more than 900 miles. | 900 miles | 900 | 900 | - | more_than | distance | mi
The town is 30 km from the border. | 30 km | 30 | 30 | 30 | exact | distance | km
They seized a 20-mile stretch of road. | 20-mile | 20 | 20 | 20 | exact | distance | mi
The convoy was about 5 kilometres long. | 5 kilometres | 5 | 4.5 | 5.5 | approximate | distance | km
The wall is 300 metres long. | 300 metres | 300 | 300 | 300 | exact | distance | m
They advanced 10km in a day. | 10km | 10 | 10 | 10 | exact | distance | km
Ships stayed within 50 nautical miles. | 50 nautical miles | 50 | 50 | 50 | exact | distance | nmi
The drone flew at 1,000 feet. | 1,000 feet | 1000 | 1000 | 1000 | exact | distance | ft
Gains of 12 to 15 miles were reported. | 12 to 15 miles | 13.5 | 12 | 15 | range | distance | mi
Gains of up to 9 kilometers (more than 5 miles) were reported. | 9 kilometers | 9 | - | 9 | up_to | distance | km
Gains of up to 9 kilometers (more than 5 miles) were reported. | 5 miles | 5 | 5 | - | more_than | distance | mi
Russia took 2,000 square kilometres of land. | 2,000 square kilometres | 2000 | 2000 | 2000 | exact | area | km2
The fire burned 500 hectares. | 500 hectares | 500 | 500 | 500 | exact | area | ha
Ukraine retook 40,000 sq km. | 40,000 sq km | 40000 | 40000 | 40000 | exact | area | km2
The winds reached 120 mph. | 120 mph | 120 | 120 | 120 | exact | speed | mph
The missile flies at 800 km/h. | 800 km/h | 800 | 800 | 800 | exact | speed | km/h
The roads are 5 – 10 km apart. | 5 – 10 km | 7.5 | 5 | 10 | range | distance | km
The ship carried 2,000 tonnes of grain. | 2,000 tonnes | 2000 | 2000 | 2000 | exact | weight | t
The bomb weighed 500 kilograms. | 500 kilograms | 500 | 500 | 500 | exact | weight | kg
# --- durations
The war nears its 1,000-day mark. | 1,000-day | 1000 | 1000 | 1000 | exact | duration | day
The talks lasted three weeks. | three weeks | 3 | 3 | 3 | exact | duration | week
They agreed a 24-hour ceasefire. | 24-hour | 24 | 24 | 24 | exact | duration | hour
He was held for 18 months. | 18 months | 18 | 18 | 18 | exact | duration | month
The siege lasted two and a half years. | two and a half years | 2.5 | 2.5 | 2.5 | exact | duration | year
The meeting lasted half an hour. | half an hour | 0.5 | 0.5 | 0.5 | exact | duration | hour
Training was cut to several weeks. | several weeks | 5 | 3 | 9 | vague | duration | week
Fighting went on for over 10 days. | 10 days | 10 | 10 | - | more_than | duration | day
Both sides agreed a 90-day truce. | 90-day | 90 | 90 | 90 | exact | duration | day
The government unveiled a five-year plan. | five-year | 5 | 5 | 5 | exact | duration | year
It was shortened to one week. | one week | 1 | 1 | 1 | exact | duration | week
It will take a couple of weeks. | couple of weeks | 2 | 2 | 3 | vague | duration | week
The ban lasts up to three months. | three months | 3 | - | 3 | up_to | duration | month
The conflict has lasted nearly two decades. | two decades | 2 | 1.8 | 2 | approximate | duration | decade
Repairs will take 10 to 12 days. | 10 to 12 days | 11 | 10 | 12 | range | duration | day
Repairs will take two or three days. | two or three days | 2.5 | 2 | 3 | range | duration | day
# --- number words and scales
Twenty-three soldiers were captured. | Twenty-three | 23 | 23 | 23 | exact | prisoners | -
A dozen people gathered outside. | dozen | 12 | 12 | 12 | exact | people | -
Half a million people marched. | Half a million | 500000 | 500000 | 500000 | exact | people | -
Five and a half million people live there. | Five and a half million | 5500000 | 5500000 | 5500000 | exact | people | -
There are 1.5 million refugees in Poland. | 1.5 million | 1500000 | 1500000 | 1500000 | exact | displaced | -
The app has 2bn users. | 2bn | 2000000000 | 2000000000 | 2000000000 | exact | count | -
Russia lost 11k soldiers that month. | 11k | 11000 | 11000 | 11000 | exact | troops | -
One hundred and twenty people signed. | One hundred and twenty | 120 | 120 | 120 | exact | people | -
Ninety-nine students passed. | Ninety-nine | 99 | 99 | 99 | exact | people | -
Three hundred thousand people fled. | Three hundred thousand | 300000 | 300000 | 300000 | exact | displaced | -
A hundred soldiers guarded the bridge. | hundred | 100 | 100 | 100 | exact | troops | -
Two dozen journalists were detained. | Two dozen | 24 | 24 | 24 | exact | arrested | -
A quarter of a million people signed. | quarter of a million | 250000 | 250000 | 250000 | exact | people | -
Russia launched seven drones overnight. | seven | 7 | 7 | 7 | exact | drones | -
Ukraine received 31 Abrams tanks. | 31 | 31 | 31 | 31 | exact | vehicles | -
Russia fired 12 missiles at Kyiv. | 12 | 12 | 12 | 12 | exact | missiles | -
Five ships were damaged. | Five | 5 | 5 | 5 | exact | ships | -
The storm destroyed 150 homes. | 150 | 150 | 150 | 150 | exact | buildings | -
Leaders from 27 countries met. | 27 | 27 | 27 | 27 | exact | countries | -
There were 3,000 new cases on Monday. | 3,000 | 3000 | 3000 | 3000 | exact | cases | -
The factory has 4,500 workers. | 4,500 | 4500 | 4500 | 4500 | exact | people | -
Officials counted 1,200 votes. | 1,200 | 1200 | 1200 | 1200 | exact | votes | -
Police found 40 guns. | 40 | 40 | 40 | 40 | exact | vehicles | -
The firm will cut 2,000 jobs. | 2,000 | 2000 | 2000 | 2000 | exact | jobs | -
They found 14 crates in the truck. | 14 | 14 | 14 | 14 | exact | count | -
Russia launched 35 Shahed drones. | 35 | 35 | 35 | 35 | exact | drones | -
# --- other hedges
Approximately 3,000 soldiers are expected. | 3,000 | 3000 | 2700 | 3300 | approximate | troops | -
An estimated 11,000 soldiers are there. | 11,000 | 11000 | 9900 | 12100 | approximate | troops | -
Just over 500 people attended. | 500 | 500 | 500 | 550 | approximate | people | -
Some 500 or so people attended. | 500 | 500 | 450 | 550 | approximate | people | -
There were 500 or so people. | 500 | 500 | 450 | 550 | approximate | people | -
There were 40-odd soldiers. | 40 | 40 | 36 | 44 | approximate | troops | -
There were 200 or more soldiers. | 200 | 200 | 200 | - | at_least | troops | -
Well over 1,000 people came. | 1,000 | 1000 | 1000 | - | more_than | people | -
Close to 2,000 people came. | 2,000 | 2000 | 1800 | 2200 | approximate | people | -
In excess of 5,000 troops are there. | 5,000 | 5000 | 5000 | - | more_than | troops | -
They counted 10,000+ troops. | 10,000 | 10000 | 10000 | - | at_least | troops | -
Less than 10% of the aid arrived. | 10% | 10 | - | 10 | less_than | percent | %
No less than 30 soldiers died. | 30 | 30 | 30 | - | at_least | killed | -
More than a dozen people were hurt. | dozen | 12 | 12 | - | more_than | injured | -
The attack killed more than 100 people. | 100 | 100 | 100 | - | more_than | killed | -
Of the 300 troops sent, 40 were killed. | 300 | 300 | 300 | 300 | exact | troops | -
A few hundred protesters gathered. | few hundred | 300 | 200 | 500 | vague | people | -
Scores of people were arrested. | Scores | 60 | 40 | 199 | vague | arrested | -
Several soldiers were killed. | Several | 5 | 3 | 9 | vague | killed | -
Hundreds of thousands of people fled. | Hundreds of thousands | 500000 | 200000 | 999999 | vague | displaced | -
# --- ranges with scales and words
The city had from 10 to 12 million residents. | 10 to 12 million | 11000000 | 10000000 | 12000000 | range | people | -
Between 10 and 12 million people voted. | 10 and 12 million | 11000000 | 10000000 | 12000000 | range | people | -
Between five and seven soldiers were hurt. | five and seven | 6 | 5 | 7 | range | injured | -
Reports say 1,000–2,000 troops moved. | 1,000–2,000 | 1500 | 1000 | 2000 | range | troops | -
The IMF approved a $15.6bn loan. | $15.6bn | 15600000000 | 15600000000 | 15600000000 | exact | money | USD
About 1 in 3 Americans support the plan. | 1 in 3 | 0.333333 | 0.3 | 0.366667 | approximate | percent | fraction
The 1,200-page bill passed. | 1,200-page | 1200 | 1200 | 1200 | exact | count | -
The two leaders met in Geneva. | two leaders | 2 | 2 | 2 | exact | people | -
# --- ages: never a count of people
The president, who turned 81 this year, spoke. | 81 | 81 | 81 | 81 | exact | age | year
Maria Lopez, 35, was arrested on Monday. | 35 | 35 | 35 | 35 | exact | age | year
A 35-year-old man was arrested. | 35-year-old | 35 | 35 | 35 | exact | age | year
The three-year-old girl was rescued. | three-year-old | 3 | 3 | 3 | exact | age | year
The victim, 19, died in hospital. | 19 | 19 | 19 | 19 | exact | age | year
A man aged 72 was injured. | 72 | 72 | 72 | 72 | exact | age | year
Maria Lopez, 35, was arrested on Monday. | NOCOUNT
A 35-year-old man was arrested. | NOCOUNT
The suspect, 41, was charged. | NOCOUNT
The boy is 5 years old. | 5 years old | 5 | 5 | 5 | exact | age | year
# --- not figures
Fighting began on 4 November. | NONE
SEOUL, Nov. 6 (UPI) — North Korean troops have entered combat. | NONE
The meeting is on November 6, 2024. | NONE
The law took effect on 12 March 2023. | NONE
The attack began at 9 p.m. on Sunday. | NONE
The attack began at 9pm on Sunday. | NONE
The vote is at 10:30 local time. | NONE
The war began in 2022. | NONE
It has been so since 1945. | NONE
It is the biggest war of the 21st century. | NONE
It is the largest conflict in Europe since World War II. | NONE
It is the largest land war since the second world war. | NONE
Ukraine wants more F-16 jets. | NONE
The COVID-19 pandemic hit trade. | NONE
They drove along Route 66. | NONE
G7 leaders met in Italy. | NONE
The Boeing 737 crashed. | NONE
Call 555-123-4567 for details. | NONE
Call +44 20 7946 0958 for details. | NONE
Cart: $0.00 - (0 items ) | NONE
One of them was wounded badly. | NONE
For the first time, troops from Asia are in Europe. | NONE
They blamed one another. | NONE
The band was famous in the 1990s. | NONE
Article 5 of the NATO treaty applies. | NONE
Russia uses Su-34 bombers. | NONE
India bought S-400 systems. | NONE
Flight MH17 was shot down. | NONE
The 2024 election is close. | NONE
3 min read | NONE
© 2024 Reuters | NONE
Updated 14:05 GMT | NONE
The attacks of 9/11 changed everything. | NONE
The shop is open 24/7. | NONE
Kyiv won 3-1 on Sunday. | NONE
Prices rose between 2022 and 2024. | NONE
It was the best player of the 2022-23 season. | NONE
He arrived at No. 10 Downing Street. | NONE
The ceasefire began on Nov. 6, 2024. | NONE
The Apollo 11 crew landed. | NONE
Profits fell in the third quarter. | NONE
The Security Council passed Resolution 2231. | NONE
Elections are due in mid-2024. | NONE
The 5G network is down. | NONE
Prices rose in the second half of the year. | NONE
Talks resume May 5. | NONE
The law passed in March 2023. | NONE
See the table on page 3. | NONE
Only one of the missiles was intercepted. | NONE
It is the first direct intervention by a foreign army. | NONE
No one was hurt. | NONE
He spoke on Monday, October 14. | NONE
The summit runs from 9 to 11 July. | NONE
Phase 2 of the offensive began. | NONE
The Windows 11 update failed. | NONE
"#;

fn num(s: &str) -> Option<f64> {
    let s = s.trim();
    if s == "-" {
        None
    } else {
        Some(s.parse().unwrap_or_else(|_| panic!("bad number {s:?}")))
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-4 * b.abs().max(1e-9) + 1e-9
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn qualifier(s: &str) -> Qualifier {
    serde_json::from_str(&format!("\"{}\"", s.trim()))
        .unwrap_or_else(|_| panic!("bad qualifier {s:?}"))
}

#[test]
fn table() {
    let mut rows = 0;
    let mut failures = Vec::new();
    for line in TABLE.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        rows += 1;
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let sentence = cols[0];
        let figs = extract_figures(sentence);
        for f in &figs {
            assert_eq!(&sentence[f.span.clone()], f.text, "{sentence}");
        }
        let fail = match cols[1] {
            "NONE" => (!figs.is_empty()).then(|| format!("expected no figure, got {figs:?}")),
            "NOCOUNT" => figs
                .iter()
                .find(|f| f.measure != "age")
                .map(|f| format!("expected only ages, got {f:?}")),
            needle => {
                assert_eq!(cols.len(), 8, "row needs 8 columns: {line}");
                let (derived, needle) = match needle.strip_prefix('*') {
                    Some(n) => (true, n),
                    None => (false, needle),
                };
                match figs
                    .iter()
                    .find(|f| f.derived == derived && f.text.contains(needle))
                {
                    None => Some(format!("no figure with {needle:?}: {figs:?}")),
                    Some(f) => {
                        let value = num(cols[2]).expect("value");
                        let (low, high) = (num(cols[3]), num(cols[4]));
                        let unit = (cols[7] != "-").then_some(cols[7]);
                        let ok = close(f.value, value)
                            && close_opt(f.low, low)
                            && close_opt(f.high, high)
                            && f.qualifier == qualifier(cols[5])
                            && f.measure == cols[6]
                            && f.unit.as_deref() == unit;
                        (!ok).then(|| format!("got {f:?}"))
                    }
                }
            }
        };
        if let Some(msg) = fail {
            failures.push(format!("{line}\n    {msg}"));
        }
    }
    assert!(rows >= 200, "only {rows} rows");
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn never_panics_and_spans_are_char_boundaries() {
    let nasty = [
        "",
        " ",
        "—",
        "“”’‘",
        "1",
        "1,",
        "1.",
        ",1",
        "-1-",
        "$",
        "$ 5",
        "10,000-",
        "-10,000",
        "between 5 and",
        "from 5 to",
        "five units of",
        "five units of 3,000 each",
        "half",
        "a third",
        "one in",
        "one in zero",
        "up to",
        "more than a",
        "1\u{a0}000\u{a0}troops",
        "٣٠٠ جندي",
        "三千名士兵",
        "10,000\u{200b}troops",
        "99999999999999999999999999999999999999 troops",
        "1e308 1,000,000,000,000,000,000,000,000,000,000,000,000 million billion trillion",
        "½ ¼ ¾ 1½ miles",
        "🙂 5 🙂 soldiers 🙂",
        "a-b-c-1-2-3",
        "1-2-3-4-5-6",
        "..1..2..",
        "twenty-",
        "-twenty",
        "and a half",
        "five and a",
        "half a",
        "thousands of",
        "Cart: $",
    ];
    for s in nasty {
        for f in extract_figures(s) {
            assert!(
                s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end),
                "{s:?}"
            );
            assert_eq!(&s[f.span.clone()], f.text);
            assert!(f.value.is_finite() || f.value.is_infinite());
        }
    }
}
