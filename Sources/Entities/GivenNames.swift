/// Common given names across languages (folded). A capitalized word from this list at the
/// head of a capitalized run is evidence that the run is a person's name.
enum GivenNames {
    static func contains(_ key: String) -> Bool { names.contains(key) }

    static let names: Set<String> = Lexicon.set("""
        aaron abby abdul abdullah abe abigail abraham adam adel adrian adriana ahmad ahmed aidan aisha akira al alan
        albert alberto alec alejandro aleksandr aleksei alex alexa alexander alexandra alexandre alexei alexey alexis alfred alfredo
        ali alice alicia alina alison allison alma alvaro amanda amber amelia amir amit amos amy ana anastasia anatoly andre
        andrea andreas andrei andres andrew andrey andrii andriy andy angel angela angelina angelo angus anita ann anna
        anne annie anthony antoine anton antonio antony april archie ariel arnold arthur arturo asad ashley ashraf ashton
        audrey austin ava avi avigdor ayman aziz barack barbara barry bashar basil beatrice becky ben benedict benjamin
        benny bernard bernie beth betsy betty beverly bill billy blake bob bobby bonnie boris brad bradley brandon brenda
        brent brett brian bridget brittany bruce bruno bryan byron caleb callista calvin cameron camila candace carl carla carlos
        carmen carol caroline carolyn carter casey catherine cathy cecilia cedric celia charles charlie charlotte chen cheikh
        chi chris christian christie christina christine christopher chuck claire clara clarence claude claudia clay clayton
        cliff clint clinton colin collin connie conor constance cory courtney craig cristina curtis cynthia dale dan dana
        daniel daniela danielle danny daria darius darren dave david davyd dean deb debbie deborah denis dennis derek devin
        diana diane dick diego dimitri dina dmitri dmitriy dmitry dmytro dolores dominic don donald donna doris dorothy doug
        douglas drew duncan dustin dwight dylan earl ed eddie edgar edith edmund eduardo edward edwin egor eileen elaine
        elena eli elias elijah elisabeth eliza elizabeth ella ellen elliot elon elsa emil emile emily emma emmanuel enrique
        eric erica erik erin ernest ernesto esther ethan eugene eva evan evelyn evgeny fabio faisal farid farah fatima
        federica felipe felix fernando fiona florence francesca frances francesco francis francisco frank frankie franklin
        fred frederick gabriel gabriela gail gary gavin gene geoffrey george georgy gerald gerard gerhard gina giorgia giovanni
        giuseppe glen glenn gloria gordon grace graham grant greg gregory guido guillermo gustavo guy hakeem hamid hannah hans
        harold harriet harry hassan hayden heather hector heidi heinz helen helena helmut henri henry herbert herman hillary
        hogan holly howard hugh hugo hussein ian ibrahim igor ilya imran ingrid irene iris isaac isabel isabella ivan ivanka
        jack jackie jacob jacques jaime jake james jamie jan jane janet janice jared jason javier jay jean jeanne jeb jeff
        jeffrey jen jennifer jenny jeremy jerome jerry jess jesse jessica jesus jill jim jimmy jin jo joan joanna joaquin jodi
        joe joel johan johanna john johnny jon jonathan jordan jorge jose josef josefina joseph josh joshua joy juan judith
        judy julia julian julie julio june justin kamala karen karim karin karine karl kate katherine kathleen kathryn kathy
        katie kay keiko keir keith kelly ken kenji kenneth kent kerry kevin khalid kim kimberly kirill kirk kristen kristi
        kurt kyle lana lance larry laura lauren laurent lawrence lee leila lena leo leon leonard leonid leslie lewis liam
        libby lily linda lindsay lindsey lisa liz lloyd logan lois lorenzo lori lou louis louise lucas lucia lucy luis luiz
        luke lydia lyndon madeleine madiha mahmoud malcolm manuel marc marco marcus margaret margarita maria mariana marie
        marina mario marion mark marsha martha martin marvin mary maryam mateo matt matteo matthew maureen max maxim maxine
        maya megan mehmet melania melanie melissa mevlut michael michel michele michelle miguel mike mikhail mila miles
        miriam mitch mitt mohamed mohammad mohammed molly monica morgan muhammad mustafa mykhailo nadia nancy naomi narendra
        natalia natalie nathan nathaniel naveed ned neil nelson newt nicholas nick nicola nicolas nicole nigel nikki nikita
        nikolai nina noah norma norman oleg olaf olga oliver olivia omar orrin oscar owen pablo pamela paolo patricia patrick
        paul paula pavel pedro penny pete peter petr petro petra phil philip philippe phillip pierre piotr priscilla qamar
        rachel rafael rahul raj ralph ramon randy raul ray raymond rebecca recep reed reggie reza ricardo richard rick ricky
        rita rob robert roberta roberto robin rod rodrigo roger roland roman ron ronald ronnie rosa rose ross roy ruben rudy
        rupert russell ruth ryan saad said sally sam samantha samuel sandra sara sarah saul scott sean sebastian serge sergei
        sergey sergio seth shahid shannon sharon shaun shawn sheila shelly sherry shinzo shirley sigmar silvio simon simone
        sofia sophia sophie stacey stanley stefan stephanie stephen steve steven stuart sue susan suzanne sylvia tammy tanya
        tara taras ted teresa terry thabo theo theodore theresa thomas tim timothy tina todd tom tommy tony tracy travis trey
        troy ty tyler uri valentina valeria valerie valery vanessa vasily vera veronica victor victoria vijay vince vincent
        viktor vincenzo virginia vitaly vivian vladimir vladislav volodymyr walter wang wayne wendy werner wilbur will william
        willie wolfgang xavier yaroslav yasmin yevgeny yitzhak yoshihide yulia yuri yury yusuf zach zachary zoe zeid zbigniew
        joon idriss sam ahn abe fumio shinzo narendra jacinda justin recep emmanuel angela olaf rishi liz theresa keir
        antonio jens ursula charles kamala mitch nancy chuck hakeem kevin mike marco lindsey ted rand elizabeth bernie
        xi li lu wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin guo ma luo liang song zheng xie han tang
        feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei xue ye yan pan du dai xia zhong
        tian ren fan fang shi yao tan liao zou xiong jin lu hao kong bai cui kang mao qiu qin jiang shi gu hou shao meng long
        ahmet mehmet mustafa emine hulusi ibrahim yasin abdel abdulaziz mohammad bin salman sultan tamim hamad khalifa
        mahmoud ismail ayatollah hasan javad mohsen qassem yahya nasser anwar gamal hosni fatah
        irina tatyana tatiana kateryna katerina ekaterina yekaterina olena olga oksana svetlana natalya nataliya
        lyudmila ludmila galina valentina marina anna elena yelena alla larisa lyubov nadezhda raisa tamara
        veronika viktoria viktoriya yana zoya inna ilona iryna halyna lesia lesya mariya daria darya polina
        ksenia kseniya sofiya alina diana kristina vera nina katrin katrina ulrike annalena ursula heike
        birgit petra sabine claudia andrea jutta karin gerda kaja mette sanna magdalena agnieszka beata
        ewa joanna malgorzata giorgia chiara federica elisabetta
        anatoliy anatoly arseniy arseny denys bohdan borys hennadiy heorhiy ihor kyrylo maksym
        mykola mykhaylo oleksandr oleksiy oleksii oleh pavlo rostyslav ruslan serhiy serhii stepan
        valeriy vasyl vitaliy yevhen yuriy yuliia nikolay nikolai
        gennady gennadiy vyacheslav vsevolod konstantin stanislav
        grigory timofey artyom artem danila fyodor fedor lev maksim pyotr
        ramzan rustam semyon sviatoslav svyatoslav vadim veniamin zakhar ignazio
        aleksandr annegret emmanuelle francois sebastien frederic thierry
        santiago hakan cem binali fuat volker norbert rishi kemi wopke josep pietro kyriakos
        """)
}
